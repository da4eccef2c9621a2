"""The language switch names what is always in sight; a tab's own strings and answers redraw with that tab."""

import gradio as gr

from seqdemo.ui.localizer import Localizer


def outputs_of(app: gr.Blocks, trigger: gr.components.Component) -> set[int]:
    return {block._id for fn in app.fns.values() if (trigger._id, "change") in fn.targets for block in fn.outputs}


def test_a_tabs_handlers_redraw_with_the_tab_even_when_wired_after_its_block():
    L = Localizer()
    with gr.Blocks() as app:
        title = L.bind(gr.Markdown(), value="app.title")
        lang = gr.Radio(choices=["en", "zh"], value="en")
        with L.tab("sentiment.tab"):
            answer = gr.Markdown()
            picker = gr.Dropdown(choices=["a"], value="a")
        with L.tab("generation.tab"):
            other = gr.Markdown()
        L.results(answer)  # wired after the tab's block, as the tabs do
        L.follow(lambda value, code: gr.update(), [picker], picker)
        L.results(other)
        footer = gr.Markdown()
        L.follow(lambda code: code, [], footer)
        L.connect(lang)

    switched = outputs_of(app, lang)
    assert {title._id, footer._id} <= switched
    assert not {answer._id, picker._id, other._id} & switched
    first_tab_state, second_tab_state = (section.language for _, section in L._tabs)
    assert {answer._id, picker._id} <= outputs_of(app, first_tab_state)
    assert other._id in outputs_of(app, second_tab_state)
    assert other._id not in outputs_of(app, first_tab_state)


def test_a_handler_across_tabs_stays_with_the_switch():
    L = Localizer()
    with gr.Blocks() as app:
        lang = gr.Radio(choices=["en", "zh"], value="en")
        with L.tab("sentiment.tab"):
            first = gr.Markdown()
        with L.tab("generation.tab"):
            second = gr.Markdown()
        L.results(first, second)
        L.connect(lang)
    assert {first._id, second._id} <= outputs_of(app, lang)


def test_the_switchs_states_come_first_in_the_page():
    """Gradio's page walks the component tree from the top to find each output of an event: the States every
    switch updates are put first, where the walk ends at once; what shows keeps its order."""
    L = Localizer()
    with gr.Blocks() as app:
        title = L.bind(gr.Markdown(), value="app.title")
        lang = gr.Radio(choices=["en", "zh"], value="en")
        with gr.Tabs():
            with L.tab("sentiment.tab"):
                gr.Markdown()
            with L.tab("generation.tab"):
                gr.Markdown()
        footer = gr.Markdown()
        L.connect(lang)
    tab_states = [section.language._id for _, section in L._tabs]
    top = [child["id"] for child in app.get_config_file()["layout"]["children"]]
    switch_states = set(top[:len(tab_states) + 1])
    assert set(tab_states) < switch_states
    assert all(isinstance(app.blocks[i], gr.State) for i in switch_states)
    shown = top[len(switch_states):]  # the language list sits in a form Gradio adds
    assert shown[0] == title._id and shown[-1] == footer._id
    assert not any(isinstance(app.blocks[i], gr.State) for i in shown)
