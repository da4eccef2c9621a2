"""Language switching for Gradio components, on top of the string table in `seqdemo.i18n`.

Components register which of their properties show which key (`Localizer.bind`), so switching
the language updates them all at once; messages built at run time call `t(key, lang, **values)`.
"""

import gradio as gr

from ..i18n import LANGUAGES, STRINGS, t

__all__ = ["LANGUAGES", "STRINGS", "Localizer", "t"]


class Localizer:
    """Remembers which component property shows which string, to re-render them in another language."""

    def __init__(self, default: str = "en"):
        self.default = default
        self._bindings: list[tuple[gr.components.Component | gr.blocks.Block, dict[str, str]]] = []

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

    @property
    def components(self) -> list:
        return [component for component, _ in self._bindings]

    def updates(self, lang: str) -> list:
        return [gr.update(**{prop: self._render(key, lang) for prop, key in keys.items()}) for _, keys in self._bindings]
