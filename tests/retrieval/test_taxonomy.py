from pathlib import Path

import pytest

from retrieval.settings import ROOT
from retrieval.taxonomy import TaxonomyError, load_taxonomy

TAXONOMY = ROOT / "data" / "taxonomy.yml"


def test_every_code_has_both_labels():
    taxonomy = load_taxonomy(TAXONOMY)
    for section in (taxonomy.topics, taxonomy.regions, taxonomy.owners, taxonomy.portals):
        for label in section.values():
            assert label.en and label.fr


def test_region_codes_stay_strings():
    # YAML 1.1 would read ON as the boolean true.
    taxonomy = load_taxonomy(TAXONOMY)
    assert "ON" in taxonomy.regions
    assert taxonomy.region_parents["ON-ottawa"] == "ON"


def test_region_tree():
    taxonomy = load_taxonomy(TAXONOMY)
    assert taxonomy.region_ancestors("ON-ottawa") == ["ON-ottawa", "ON", "CA"]
    assert taxonomy.region_ancestors("CA") == ["CA"]
    below_on = taxonomy.region_descendants("ON")
    assert {"ON", "ON-toronto", "ON-kingston"} <= below_on
    assert "QC" not in below_on


def test_crosswalk_maps_each_portals_tags_to_common_topics():
    taxonomy = load_taxonomy(TAXONOMY)
    assert taxonomy.map_portal_tags("ontario", ["Health and wellness"]) == ["health"]
    assert taxonomy.map_portal_tags("canada", ["Health"]) == ["health"]
    # Two portals, two vocabularies, one topic list without repeats.
    assert taxonomy.map_portal_tags("ontario", ["Children and families", "Taxes and benefits"]) == [
        "child-care",
        "family-benefits",
        "taxes-benefits",
    ]


def test_crosswalk_unknown_tag_names_it_and_the_known_tags():
    taxonomy = load_taxonomy(TAXONOMY)
    with pytest.raises(KeyError) as err:
        taxonomy.map_portal_tags("ontario", ["Healthcare"])
    message = err.value.args[0]
    assert "'Healthcare'" in message and "Health and wellness" in message


def test_crosswalks_point_only_at_existing_topics(tmp_path: Path):
    broken = TAXONOMY.read_text(encoding="utf-8").replace('"Health": [health]', '"Health": [healht]')
    path = tmp_path / "taxonomy.yml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(TaxonomyError, match="healht"):
        load_taxonomy(path)


def test_missing_label_is_reported(tmp_path: Path):
    broken = TAXONOMY.read_text(encoding="utf-8").replace(
        "health: {en: Health care, fr: Soins de santé}", "health: {en: Health care}"
    )
    path = tmp_path / "taxonomy.yml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"topics\.health needs both"):
        load_taxonomy(path)
