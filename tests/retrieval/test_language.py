import pytest

from retrieval.language import detect_official_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("où demander ma carte de bibliothèque à Ottawa", "fr"),
        ("jai besoin dun NAS pour travailler", "fr"),
        ("how do i get a health card", "en"),
        ("where is the closest library", "en"),
    ],
)
def test_detects_the_official_language(text, expected):
    assert detect_official_language(text) == expected


def test_no_signal_gives_the_default():
    assert detect_official_language("12345", default="fr") == "fr"
