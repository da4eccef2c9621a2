"""Sessions that cost what they use.

For each session it sees, Gradio keeps a copy of every component's configuration (kept for deep links, which
this app does not offer), and it works them all out when the session begins: with this app's 329 blocks,
about 170 ms of server CPU and half a megabyte per session. A browser is one session, but every API call
made without one (`/gradio_api/call/...`) is a new session. That copy was most of an API call's time
(sentiment answered in about 150 ms, of which the model took 5 ms), and the 128 sessions Gradio keeps held
about 65 MB of them.

Here a session works out a component's configuration when an event first touches that component, which is
what Gradio reads back during events. A request for a deep link still gets every component's configuration.

`install()` makes Gradio create these sessions; it is called once, before the app is launched. The class is
written against the pinned Gradio (requirements.txt); tests compare it with Gradio's own.
"""

from types import SimpleNamespace

import gradio.state_holder
from gradio.blocks import Blocks
from gradio.state_holder import SessionState


class SessionOnDemand(SessionState):
    def __init__(self, blocks: Blocks):
        # Gradio's constructor, given no blocks to configure: it sets up everything else a session holds.
        super().__init__(SimpleNamespace(default_config=blocks.default_config, blocks={}))
        self._page_blocks = blocks.blocks

    @property
    def components(self):
        """Every component's configuration, in the order Gradio gives it, each as the session last set it."""
        configured = self.config_values
        self.config_values = {
            key: configured[key] if key in configured else self.blocks_config.config_for_block(key, [], block)
            for key, block in self.blocks_config.blocks.items() if key in self._page_blocks
        }
        self.config_values.update((key, config) for key, config in configured.items() if key not in self.config_values)
        return super().components


def install() -> None:
    """Gradio creates a SessionOnDemand for each new session (its state holder names the class when it needs one)."""
    gradio.state_holder.SessionState = SessionOnDemand
