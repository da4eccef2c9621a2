"""Sessions that work out a component's configuration when it is first touched give what Gradio's own give."""

import gradio as gr
import gradio.state_holder
import pytest
from gradio.state_holder import SessionState, StateHolder

from seqdemo.ui.sessions import SessionOnDemand, install


@pytest.fixture(scope="module")
def blocks():
    with gr.Blocks() as demo:
        with gr.Row():
            text = gr.Textbox(label="Text", value="hello")
            choice = gr.Dropdown(choices=["a", "b"], value="a", label="Choice")
        state = gr.State([1, 2])
        out = gr.Markdown()
        text.submit(lambda value: value, text, out)
    return demo, text, choice, state, out


def act(session, text, choice, state):
    """What an event does to a session: replace a component (an update), record values, set a State."""
    session[choice._id] = gr.Dropdown(choices=["a", "b", "c"], value="c", label="Choice", render=False)
    session._update_config(choice._id)
    session._update_value_in_config(choice._id, "c")
    session._update_value_in_config(text._id, "typed")
    session[state._id] = [3]


def test_a_session_configures_components_only_when_touched(blocks):
    demo, text, choice, state, _ = blocks
    session = SessionOnDemand(demo)
    assert session.config_values == {}
    session._update_value_in_config(text._id, "typed")
    assert list(session.config_values) == [text._id]
    assert session.config_values[text._id]["props"]["value"] == "typed"


def test_components_equal_gradios_own_before_and_after_events(blocks):
    demo, text, choice, state, _ = blocks
    ours, theirs = SessionOnDemand(demo), SessionState(demo)
    assert list(ours.components) == list(theirs.components)
    for session in (ours, theirs):
        act(session, text, choice, state)
    assert list(ours.components) == list(theirs.components)
    assert ours[state._id] == theirs[state._id] == [3]
    assert ours[choice._id].choices == theirs[choice._id].choices


def test_install_makes_gradio_create_sessions_on_demand(blocks, monkeypatch):
    monkeypatch.setattr(gradio.state_holder, "SessionState", SessionState)  # restored after the test
    install()
    holder = StateHolder()
    holder.set_blocks(blocks[0])
    assert type(holder["a session"]) is SessionOnDemand
