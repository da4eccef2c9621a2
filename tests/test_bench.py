"""The benchmark's reference page: our page's shape in plain Gradio, built from the configuration the real app sends."""

import json
from collections import Counter

import pytest

from seqdemo.bench.plain_page import FOOTER, OPEN_TAB_MARK, build, switch_outputs
from seqdemo.bench.speed import page_config

LAYOUT = ("tabs", "tabitem", "row", "column", "accordion", "form", "state")


@pytest.fixture(scope="module")
def ours(app_url) -> dict:
    """The page configuration the real app sends a browser."""
    return json.loads(page_config(app_url))


def test_the_plain_page_has_our_pages_shape_events_and_names(ours):
    plain = build(ours).get_config_file()

    count = lambda config: Counter(c["type"] for c in config["components"] if c["type"] in LAYOUT)  # noqa: E731
    assert count(plain) == count(ours) + Counter(form=1)  # the plain switch's radio sits in a form of its own
    assert [(len(d["targets"]), len(d["inputs"]), len(d["outputs"]), d["trigger_after"]) for d in plain["dependencies"][:-1]] \
        == [(len(d["targets"]), len(d["inputs"]), len(d["outputs"]), d["trigger_after"]) for d in ours["dependencies"]]
    named = lambda config: {c["props"]["elem_id"] for c in config["components"] if c["props"].get("elem_id")}  # noqa: E731
    leaves = {c["props"]["elem_id"] for c in ours["components"] if c["props"].get("elem_id") and c["type"] not in LAYOUT}
    assert leaves <= named(plain)


def test_the_plain_switch_redraws_the_footer_the_tab_names_and_the_open_tab(ours):
    by_name = {c["props"].get("elem_id"): c["id"] for c in ours["components"]}
    redrawn = switch_outputs(ours)
    kinds = Counter(c["type"] for c in ours["components"] if c["id"] in redrawn)
    assert {by_name[FOOTER], by_name[OPEN_TAB_MARK]} <= set(redrawn)
    assert kinds["tabitem"] >= 8 and kinds["state"] == 0
