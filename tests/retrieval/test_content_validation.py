"""Each way a content file can be broken gets an error naming the file, the field and what is allowed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from retrieval.build import build_index, current_manifest
from retrieval.corpus import CorpusError, load_corpus
from tests.conftest import copy_sample, settings_for

SIN_EN = "federal/sin.en.md"


def _edit(content: Path, relative: str, pattern: str, replacement: str) -> Path:
    path = content / relative
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, replacement, text, count=1, flags=re.MULTILINE)
    assert changed != text, f"pattern {pattern!r} not found in {relative}"
    path.write_text(changed, encoding="utf-8")
    return path


def _problems(tmp_path: Path, content: Path) -> str:
    with pytest.raises(CorpusError) as err:
        load_corpus(settings_for(tmp_path, content))
    return str(err.value)


@pytest.mark.parametrize(
    ("pattern", "replacement", "expected"),
    [
        (
            r"^jurisdiction: .*$",
            "jurisdiction: provincal",
            r"jurisdiction: .*allowed: federal, provincial, municipal, community",
        ),
        (r"^audience: .*$", "audience: everyone", r"audience: .*allowed: prospective, landed, both"),
        (r"^topics: .*$", "topics: [healthcare]", r"topics: 'healthcare' not in data/taxonomy.yml; allowed: .*health"),
        (r"^regions: .*$", "regions: [ON-mars]", r"regions: 'ON-mars' not in data/taxonomy.yml; allowed: .*ON-ottawa"),
        (r"^owner: .*$", "owner: nobody", r"owner: 'nobody' not in data/taxonomy.yml"),
        (r"^portal: .*$", "portal: facebook", r"portal: 'facebook' not in data/taxonomy.yml; allowed: canada"),
        (r"^language: .*$", "language: es", r"language: .*does not match the file name"),
        (r"^id: .*$", "id: something-else.en", r"id: 'something-else.en' must equal the file name 'sin.en'"),
        (r"^url: .*$", "url: http://example.org/sin", r"url: .*https://"),
        (r"^review_by: .*$", "review_by: 2020-01-01", r"review_by 2020-01-01 must be after last_reviewed"),
        (r"^last_reviewed: .*$", "last_reviewed: yesterday", r"last_reviewed: .*date"),
        (r"^title: .*$", "title: Hi", r"title: .*at least 5 characters"),
        (r"^url: .*\n", "", r"url: required field is missing"),
        (r"^sources:", "sauces: []\nsources:", r"sauces: unknown field"),
        # Who published it, and when it must be checked again (issue 14).
        (r"^publisher: .*$", "publisher: nobody", r"publisher: 'nobody' is not in data/publishers.yml; add it there"),
        (
            r"^url: .*$",
            "url: https://www.ontario.ca/page/sin",
            r"url: host 'www.ontario.ca' is not one of government-of-canada's hosts .*it is a host of "
            r"government-of-ontario.*link the publisher's own page",
        ),
        (
            r"^url: .*$",
            "url: https://www.Canada.ca.example.net/sin",
            r"url: host 'www.canada.ca.example.net' is not one of government-of-canada's hosts .*in no publisher's list",
        ),
        (
            r"^    url: https://www.canada.ca/en/employment-social-development/services/sin/apply.html$",
            "    url: https://enwikipedia.net/wiki/Social_Insurance_Number",
            r"sources.0.url: host 'enwikipedia.net' belongs to no publisher in data/publishers.yml",
        ),
        (r"^publisher: .*\n", "", r"publisher: required field is missing; add `publisher:`"),
        (r"^review_by: .*\n", "", r"review_by: required field is missing; add `review_by: YYYY-MM-DD`"),
        (r"^last_reviewed: .*\n", "", r"last_reviewed: required field is missing; add `last_reviewed: YYYY-MM-DD`"),
    ],
)
def test_each_field_error_names_file_field_and_allowed(tmp_path, sample_content, pattern, replacement, expected):
    _edit(sample_content, SIN_EN, pattern, replacement)
    message = _problems(tmp_path, sample_content)
    assert "sin.en.md" in message
    assert re.search(expected, message), message


def test_broken_yaml_is_reported(tmp_path, sample_content):
    _edit(sample_content, SIN_EN, r"^title: .*$", "title: [unclosed")
    assert re.search(r"sin\.en\.md: front matter is not valid YAML", _problems(tmp_path, sample_content))


def test_missing_front_matter_is_reported(tmp_path, sample_content):
    path = sample_content / SIN_EN
    path.write_text("# Just a heading\n\nNo metadata here.\n", encoding="utf-8")
    assert "sin.en.md: no YAML front matter" in _problems(tmp_path, sample_content)


def test_binary_file_is_reported(tmp_path, sample_content):
    (sample_content / SIN_EN).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    assert "sin.en.md: file is not UTF-8 text" in _problems(tmp_path, sample_content)


def test_bad_file_name_is_reported(tmp_path, sample_content):
    (sample_content / SIN_EN).rename(sample_content / "federal/sin.md")
    assert "file name must be <group>.<en|fr>.md" in _problems(tmp_path, sample_content)


def test_translations_must_share_metadata(tmp_path, sample_content):
    _edit(sample_content, "federal/sin.fr.md", r"^audience: .*$", "audience: prospective")
    message = _problems(tmp_path, sample_content)
    assert "sin.fr.md: audience" in message and "must share" in message


def test_every_problem_is_listed_not_just_the_first(tmp_path, sample_content):
    _edit(sample_content, SIN_EN, r"^jurisdiction: .*$", "jurisdiction: provincal")
    _edit(sample_content, "community/211-ontario.fr.md", r"^topics: .*$", "topics: [nope]")
    message = _problems(tmp_path, sample_content)
    assert "sin.en.md" in message and "211-ontario.fr.md" in message


def test_missing_translation_is_reported_not_fatal(tmp_path, sample_content):
    (sample_content / "federal/sin.fr.md").unlink()
    corpus = load_corpus(settings_for(tmp_path, sample_content))
    assert any(line.startswith("sin: no 'fr' version") for line in corpus.missing_translations)


def test_broken_content_fails_the_build_before_anything_is_written(tmp_path):
    content = copy_sample(tmp_path / "content")
    settings = settings_for(tmp_path, content)
    _edit(content, SIN_EN, r"^jurisdiction: .*$", "jurisdiction: provincal")
    with pytest.raises(CorpusError):
        build_index(settings)
    assert current_manifest(settings) is None
    assert not (settings.index_dir.exists() and any(settings.index_dir.iterdir()))


@pytest.mark.parametrize(
    ("pattern", "replacement"),
    [
        (r"^publisher: .*$", "publisher: nobody"),
        (r"^url: .*$", "url: https://settlement.org/ontario/sin/"),
        (r"^review_by: .*\n", ""),
    ],
)
def test_unknown_publisher_foreign_host_or_missing_review_date_refuses_the_build(tmp_path, pattern, replacement):
    content = copy_sample(tmp_path / "content")
    settings = settings_for(tmp_path, content)
    _edit(content, SIN_EN, pattern, replacement)
    with pytest.raises(CorpusError) as err:
        build_index(settings)
    assert "sin.en.md" in str(err.value)
    assert current_manifest(settings) is None
