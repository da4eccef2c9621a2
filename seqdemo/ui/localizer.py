"""Language switching for Gradio components, on top of the catalogue (`seqdemo.catalogue`).

Components register which of their properties show which key (`Localizer.bind`), and tabs register
handlers for what needs more than a string (`Localizer.follow`: a model picker's choices, a model
card), so that switching the language is one event that updates them all at once: the browser spends
about a second on every event, so seven small ones took ten seconds. Messages built at run time call
`t(key, lang, **values)`.
"""

import html
import re
from collections.abc import Callable, Sequence

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


class Localizer:
    """Remembers which component property shows which string, to re-render them in another language."""

    def __init__(self, default: str = "en"):
        self.default = default
        self._bindings: list[tuple[gr.components.Component | gr.blocks.Block, dict[str, str]]] = []
        self._followers: list[tuple[Callable, list, list | gr.components.Component]] = []

    def bind(self, component, **keys: str | list[str]):
        """`bind(textbox, label="sentiment.input")`: sets the text now and on every language change.
        A list of keys gives a list of strings (table headers)."""
        for prop, key in keys.items():
            setattr(component, prop, self._render(key, self.default))
        self._bindings.append((component, keys))
        return component

    @staticmethod
    def _render(key: str | list[str], lang: str) -> str | list[str]:
        return [t(k, lang) for k in key] if isinstance(key, list) else t(key, lang)

    def table(self, keys: list[str], **options) -> gr.Dataframe:
        """A table of results whose column names follow the language: a switch empties it (its rows were
        written in the old language) and names its columns anew."""
        table = gr.Dataframe(headers=self._render(keys, self.default), **options)
        self.follow(lambda lang: pd.DataFrame(columns=self._render(keys, lang)), [], table)
        return table

    def results(self, *components) -> None:
        """Answers written in one language: a switch clears them rather than leave them under the new
        language's labels (the inputs stay, so asking again is one click)."""
        self.follow(lambda lang: [None] * len(components), [], list(components))

    @property
    def components(self) -> list:
        return [component for component, _ in self._bindings]

    def updates(self, lang: str) -> list:
        return [gr.update(**{prop: self._render(key, lang) for prop, key in keys.items()}) for _, keys in self._bindings]

    def follow(self, fn: Callable, inputs: Sequence, outputs) -> None:
        """On every language change, `fn(*values of inputs, lang)` -> the update of `outputs` (one
        component) or a list of updates (a list of components)."""
        self._followers.append((fn, list(inputs), outputs))

    def connect(self, lang: gr.components.Component) -> None:
        """Wires the switch: one event re-renders every bound string and runs every follower."""
        inputs = [lang] + [component for _, ins, _ in self._followers for component in ins]
        outputs = self.components + [component for _, _, outs in self._followers
                                     for component in (outs if isinstance(outs, list) else [outs])]

        def switch(code: str, *values):
            updates, values = self.updates(code), list(values)
            for fn, ins, outs in self._followers:
                answer = fn(*values[:len(ins)], code)
                values = values[len(ins):]
                updates += list(answer) if isinstance(outs, list) else [answer]
            return updates

        lang.change(switch, inputs, outputs)
