"""Language switching for Gradio components, on top of the catalogue (`seqdemo.catalogue`).

Components register which of their properties show which key (`Localizer.bind`), and tabs register
handlers for what needs more than a string (`Localizer.follow`: a model picker's choices, a model
card). A switch is one event that redraws what is in sight (the header, the tab names, the open tab,
the footer); another tab catches up when it is opened. Messages built at run time call
`t(key, lang, **values)`.
"""

import html
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import gradio as gr
import pandas as pd

from ..catalogue import LANGUAGES, t

__all__ = ["LANGUAGES", "Localizer", "t", "user_text", "t_user"]

_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")
_AUTOLINK_MARKS = {":": "&#58;", "@": "&#64;"}  # "http://..." and "a@b.c" would otherwise become live links


def user_text(value) -> str:
    """Text someone typed or uploaded (a job name, a file name, a cell), made safe to show inside Markdown:
    it reads as typed and never becomes markup, a link or an image that every visitor's browser fetches."""
    text = html.escape(str(value), quote=False)  # < > & first: their entities contain no Markdown punctuation
    text = _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
    return "".join(_AUTOLINK_MARKS.get(c, c) for c in text)


def t_user(key: str, lang: str, **values) -> str:
    """`t` for a Markdown message whose string values came from a user: each is shown as text."""
    return t(key, lang, **{name: user_text(v) if isinstance(v, str) else v for name, v in values.items()})


@dataclass
class _Section:
    """What one part of the page shows: the strings bound in it and the handlers that follow the language."""
    bindings: list[tuple[gr.components.Component | gr.blocks.Block, dict[str, str | list[str]]]] = field(default_factory=list)
    followers: list[tuple[Callable, list, list | gr.components.Component]] = field(default_factory=list)
    # A tab's: the language its contents show, or are asked to show. It lives outside the tab (rendered by
    # `connect`): a browser takes the first update of a State inside a tab it has not drawn yet for a change, so
    # the first switch redrew every tab, hidden ones and all.
    language: gr.State | None = None

    @property
    def inputs(self) -> list:
        return [component for _, ins, _ in self.followers for component in ins]

    @property
    def outputs(self) -> list:
        return [component for component, _ in self.bindings] + [
            component for _, _, outs in self.followers for component in (outs if isinstance(outs, list) else [outs])]

    def updates(self, lang: str, values: list) -> list:
        """Every output's update for `lang`, given the followers' input values in order."""
        updates = [gr.update(**{prop: _render(key, lang) for prop, key in keys.items()}) for _, keys in self.bindings]
        for fn, ins, outs in self.followers:
            answer = fn(*values[:len(ins)], lang)
            values = values[len(ins):]
            updates += list(answer) if isinstance(outs, list) else [answer]
        return updates


def _to_the_top(*states: gr.State) -> None:
    """Moves rendered States to the top of the page's tree (they show nothing, so the page looks the same).
    Gradio's page (6.31) finds a component by walking the tree from the top, for each output of an event and
    for every component whose loading status it keeps: States rendered last cost a whole walk each. A
    language switch came to the open tab 15-18 % sooner (median 0.55-0.61 -> 0.47-0.50 s in Chromium)."""
    for state in reversed(states):
        state.parent.children.remove(state)
        state.parent.children.insert(0, state)


def _render(key: str | list[str], lang: str) -> str | list[str]:
    return [t(k, lang) for k in key] if isinstance(key, list) else t(key, lang)


class Localizer:
    """Remembers which component property shows which string, to re-render them in another language.

    The header, the tab names and the footer change at once; a tab's contents change at once when it is
    open and otherwise when it is next opened, so that a switch redraws what can be seen (a browser spent
    about two seconds redrawing all 210 outputs of every tab)."""

    def __init__(self, default: str = "en"):
        self.default = default
        self._shared = _Section()  # always in sight
        self._tabs: list[tuple[gr.Tab, _Section]] = []  # the top-level tabs, in order
        self._section = self._shared  # where `bind` and `follow` register now

    @contextmanager
    def tab(self, label_key: str, **options) -> Iterator[gr.Tab]:
        """`with L.tab("sentiment.tab") as tab:` a top-level tab: its name follows the language at once,
        what is built inside it when it is in sight."""
        with gr.Tab(**options) as tab:
            self.bind(tab, label=label_key)
            section, outer = _Section(language=gr.State(self.default, render=False)), self._section
            self._tabs.append((tab, section))
            self._section = section
            try:
                yield tab
            finally:
                self._section = outer

    @property
    def tab_language(self) -> gr.State:
        """Inside `tab`: the language its contents show; its change event fires when they are to be redrawn."""
        if self._section.language is None:
            raise RuntimeError("tab_language is only known inside a Localizer.tab")
        return self._section.language

    def bind(self, component, **keys: str | list[str]):
        """`bind(textbox, label="sentiment.input")`: sets the text now and on every language change.
        A list of keys gives a list of strings (table headers)."""
        for prop, key in keys.items():
            setattr(component, prop, _render(key, self.default))
        self._section.bindings.append((component, keys))
        return component

    def table(self, keys: list[str], **options) -> gr.Dataframe:
        """A table of results whose column names follow the language: a switch empties it (its rows were
        written in the old language) and names its columns anew."""
        table = gr.Dataframe(headers=_render(keys, self.default), **options)
        self.follow(lambda lang: pd.DataFrame(columns=_render(keys, lang)), [], table)
        return table

    def results(self, *components) -> None:
        """Answers written in one language: a switch clears them rather than leave them under the new
        language's labels (the inputs stay, so asking again is one click)."""
        self.follow(lambda lang: [None] * len(components), [], list(components))

    def follow(self, fn: Callable, inputs: Sequence, outputs) -> None:
        """On every language change, `fn(*values of inputs, lang)` -> the update of `outputs` (one
        component) or a list of updates (a list of components). It redraws with the tab that holds its
        outputs, wherever it is registered (a tab's handlers are often wired after its `with` block)."""
        self._section_holding(outputs if isinstance(outputs, list) else [outputs]).followers.append(
            (fn, list(inputs), outputs))

    def _section_holding(self, components: list) -> _Section:
        """The section of the top-level tab that holds every one of `components`, else the current one."""
        tab_sections = {id(tab): section for tab, section in self._tabs}

        def holding(block) -> _Section | None:
            while block is not None and id(block) not in tab_sections:
                block = block.parent
            return tab_sections[id(block)] if block is not None else None

        found = [holding(component) for component in components]
        if found and found[0] is not None and all(section is found[0] for section in found):
            return found[0]
        return self._section

    def connect(self, lang: gr.components.Component) -> None:
        """Wires the switch: one event redraws what is always in sight and asks the open tab for the new
        language; a tab redraws its contents (one more event) when it is asked for a language other than the
        one it shows, either so or when it is opened. Events name only what they change, because the browser's
        time goes on every output an event names, even one left as it is."""
        opened = gr.State(0)  # the open tab's index
        languages = [section.language.render() for _, section in self._tabs]
        _to_the_top(opened, *languages)

        def switch(code: str, open_index: int, *values):
            asked = [code if index == open_index else gr.skip() for index in range(len(languages))]
            return [*asked, *self._shared.updates(code, list(values))]

        lang.change(switch, [lang, opened, *self._shared.inputs], [*languages, *self._shared.outputs],
                    show_progress="hidden")
        for index, (tab, section) in enumerate(self._tabs):
            tab.select(lambda code, index=index: (index, code), lang, [opened, section.language],
                       show_progress="hidden", api_visibility="private")
            section.language.change(lambda code, *values, section=section: section.updates(code, list(values)),
                                    [section.language, *section.inputs], section.outputs, show_progress="hidden",
                                    api_visibility="private")
