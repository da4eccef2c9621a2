"""Our page's shape in plain Gradio, the benchmark's reference for what Gradio's page costs at this size.

`python -m seqdemo.bench.plain_page CONFIG PORT` serves, from the page configuration our app sends a browser
(its `/config`), the same tree of tabs, rows, columns, accordions and forms with the same elem_ids, every field
of a form a plain text box and every other component a Markdown (with its text, or its label), and the same
events (same triggers, same inputs and outputs, answering nothing). It adds one radio, `#plain-switch`, whose
single event redraws everything our language switch redraws with the Sentiment tab open (the header, the tab
names, the footer and the tab).

In Chromium, the time until this page is usable, and until that one event has redrawn it, are what any app
of our page's size and events costs in Gradio's page, whatever its Python side does."""

import sys
from pathlib import Path
from typing import Any

import gradio as gr
from gradio.layouts import Form

SWITCH = "language-switch"  # our language switch's elem_id
OPEN_TAB_MARK = "sentiment-submit"  # an element of the open tab that the switch redraws
FOOTER = "app-footer"  # and one that is always in sight
PLAIN_SWITCH = "plain-switch"
CONTAINERS = {"tabs": lambda props: gr.Tabs(),
              "tabitem": lambda props: gr.Tab(props.get("label"), visible=props.get("visible", True)),
              "row": lambda props: gr.Row(visible=props.get("visible", True)),
              "column": lambda props: gr.Column(visible=props.get("visible", True)),
              "accordion": lambda props: gr.Accordion(props.get("label"), open=bool(props.get("open")),
                                                      visible=props.get("visible", True)),
              "form": lambda props: Form()}


def _leaf(kind: str, props: dict[str, Any], in_form: bool):
    shared = {"elem_id": props.get("elem_id"), "visible": props.get("visible", True)}
    if kind == "state":
        return gr.State()
    if kind == "timer":
        return gr.Timer(active=False)
    if in_form:  # a field: a text box (outside a form, Gradio would draw a form around each)
        return gr.Textbox(label=props.get("label") or kind, **shared)
    return gr.Markdown(props.get("value") if kind == "markdown" else props.get("label") or kind, **shared)


def switch_outputs(config: dict) -> list[int]:
    """The ids our language switch redraws with the Sentiment tab open, States left out: the switch event's own
    outputs, and those of the tab's redraw that the switch asks for (the change of one of its States)."""
    components = {component["id"]: component for component in config["components"]}
    switch = next(c["id"] for c in components.values() if c["props"].get("elem_id") == SWITCH)
    mark = next(c["id"] for c in components.values() if c["props"].get("elem_id") == OPEN_TAB_MARK)
    first = next(d for d in config["dependencies"] if [switch, "change"] in d["targets"])
    tab = next(d for d in config["dependencies"]
               if mark in d["outputs"] and any(target in first["outputs"] for target, _ in d["targets"]))
    return [i for i in first["outputs"] + tab["outputs"] if components[i]["type"] != "state"]


def build(config: dict) -> gr.Blocks:
    components = {component["id"]: component for component in config["components"]}
    made: dict[int, Any] = {}

    def make(node: dict, in_form: bool = False) -> None:
        kind, props = components[node["id"]]["type"], components[node["id"]]["props"]
        if kind in CONTAINERS:
            with CONTAINERS[kind](props) as block:
                made[node["id"]] = block
                for child in node.get("children", []):
                    make(child, in_form=kind == "form")
        else:
            made[node["id"]] = _leaf(kind, props, in_form)

    with gr.Blocks(title="plain") as page:
        switch = gr.Radio(["en", "zh"], value="en", elem_id=PLAIN_SWITCH)
        for node in config["layout"]["children"]:
            make(node)
        listeners: list[Any] = []
        for dependency in config["dependencies"]:
            outputs = [made[i] for i in dependency["outputs"] if i in made]
            inputs = [made[i] for i in dependency["inputs"] if i in made]
            fn = _answer_nothing(len(outputs)) if dependency["backend_fn"] else None
            if dependency["trigger_after"] is not None:
                listeners.append(listeners[dependency["trigger_after"]].then(fn, inputs, outputs))
                continue
            triggers = [page.load if target == 0 or target not in made else
                        getattr(made[target], event, None) or made[target].change for target, event in dependency["targets"]]
            listeners.append(gr.on(triggers, fn, inputs, outputs))
        redrawn = [made[i] for i in switch_outputs(config)]
        switch.change(lambda code: [f"{code}: {i}" if isinstance(block, gr.Markdown) else gr.update(label=f"{code}: {i}")
                                    for i, block in enumerate(redrawn)], switch, redrawn, show_progress="hidden")
    return page


def _answer_nothing(outputs: int):
    if outputs == 1:
        return lambda *values: gr.skip()
    return lambda *values: [gr.skip()] * outputs


if __name__ == "__main__":
    import json

    config_path, port = Path(sys.argv[1]), int(sys.argv[2])
    build(json.loads(config_path.read_text())).launch(server_name="127.0.0.1", server_port=port)
