"""What a customer and a technician do to the simulated acceptor, as words.

A script is a list of steps separated by commas or spaces:

* ``20000`` — insert a note of that value (kept in order, taken when enabled);
* ``fake`` — insert a counterfeit (the device rejects it);
* ``jam`` / ``jam-lost`` — the next note jams in the stacker, ending in the
  cash box / not in it (the driver cannot know which: the note is uncertain);
* ``box-out`` / ``box-in`` — remove the cash box / put it back emptied;
* ``full`` — the cash box is full;
* ``power`` — a power cycle; ``power-in-stack`` — power lost while the next
  note is stacked (it ends in the box; the driver reports it uncertain);
* ``unjam`` — a technician clears a jam;
* ``silent`` / ``talk`` — the cable is pulled / plugged back.

Steps other than notes and ``jam`` wait until the notes before them were
taken and the device is idle, so ``20000,box-out`` removes the box after
that note.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kiosk.cash.sim.device import SimDevice


class ScriptError(ValueError):
    pass


@dataclass(frozen=True)
class Step:
    action: str
    value: int = 0


_ACTIONS: dict[str, Callable[[SimDevice], None]] = {
    "fake": lambda d: d.insert_counterfeit(),
    "jam": lambda d: d.jam_next_stack(lands_in_box=True),
    "jam-lost": lambda d: d.jam_next_stack(lands_in_box=False),
    "box-out": lambda d: d.remove_box(),
    "box-in": lambda d: d.replace_box(emptied=True),
    "full": lambda d: d.fill_box(),
    "power": lambda d: d.power_cycle(),
    "power-in-stack": lambda d: d.power_cut_next_stack(),
    "unjam": lambda d: d.clear_jam(),
    "silent": lambda d: d.set_silent(True),
    "talk": lambda d: d.set_silent(False),
}
_AT_ONCE = {"fake", "talk", "box-in", "unjam"}
WORDS = ", ".join(["<value>", *_ACTIONS])


def parse_script(text: str) -> list[Step]:
    steps: list[Step] = []
    for token in text.replace(",", " ").split():
        word = token.strip().lower()
        if word.replace(".", "").isdigit():
            value = int(word.replace(".", ""))
            if value <= 0:
                raise ScriptError(f"a note must have a value above 0, not {token!r}")
            steps.append(Step("note", value))
        elif word in _ACTIONS:
            steps.append(Step(word))
        else:
            raise ScriptError(f"unknown simulator step {token!r}; steps: {WORDS}")
    return steps


def apply(device: SimDevice, step: Step, *, wait: float = 30.0) -> None:
    """Carry out one step; waits for the device to be idle where the step needs it."""
    if step.action == "note":
        device.insert(step.value)
        return
    if step.action not in _AT_ONCE:
        device.wait_until("idle", timeout=wait)
    _ACTIONS[step.action](device)


def run_in_background(device: SimDevice, steps: Sequence[Step]) -> threading.Thread:
    def run() -> None:
        for step in steps:
            apply(device, step)

    thread = threading.Thread(target=run, name="sim script", daemon=True)
    thread.start()
    return thread
