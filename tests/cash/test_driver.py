"""The ID-003 driver over a real pty against the simulator: what the customer's notes become."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable

from kiosk.cash.acceptor import (
    Disabled,
    Enabled,
    Escrow,
    Fault,
    FaultKind,
    Recovered,
    Rejected,
    RejectReason,
    Returned,
    Stacked,
    Uncertain,
)
from kiosk.cash.sim.device import IDR_NOTES, IDR_TABLE, SimDevice
from tests.cash.conftest import WAIT, Rig

ALL = IDR_NOTES


def credited(rig: Rig) -> Counter[int]:
    return Counter(e.value for e in rig.seen(Stacked))


def test_learns_the_rupiah_table_from_the_device(rig: Rig) -> None:
    info = rig.start().info
    assert info.table_source == "device"
    assert info.values() == (2000, 5000, 10000, 20000, 50000, 100000)
    assert info.model == "LOKET-SIM(IDR)"
    assert rig.acceptor.info == info


def test_happy_path_credits_each_stacked_note_and_the_box_agrees(rig: Rig) -> None:
    rig.start()
    rig.acceptor.enable(ALL)
    rig.wait(Enabled)
    for note in (20000, 20000, 50000):  # 90000 for a 50000 bill: the last note overpays
        rig.device.insert(note)
    rig.wait(Stacked, lambda e: e.value == 50000)
    rig.acceptor.disable()
    rig.wait(Disabled)
    assert [e.value for e in rig.seen(Stacked)] == [20000, 20000, 50000]
    assert [e.value for e in rig.seen(Escrow)] == [20000, 20000, 50000]
    assert credited(rig) == rig.device.box == Counter({20000: 2, 50000: 1})


def test_a_note_not_allowed_is_returned_at_escrow(rig: Rig) -> None:
    rig.start()
    rig.acceptor.enable([20000, 50000])
    rig.device.insert(2000)
    rig.wait(Returned, lambda e: e.value == 2000)
    assert rig.seen(Stacked) == []
    assert rig.device.returned == [2000]
    assert sum(rig.device.box.values()) == 0


def test_a_note_inhibited_in_the_device_is_rejected_with_words(
    make_rig: Callable[..., Rig],
) -> None:
    rig = make_rig(inhibit_at_device=True)
    rig.start()
    rig.acceptor.enable([20000])
    rig.wait(Enabled)
    rig.device.insert(5000)
    event = rig.wait(Rejected)
    assert isinstance(event, Rejected) and event.reason is RejectReason.INHIBITED
    assert event.words.id == "pecahan ini tidak diterima"
    assert rig.seen(Escrow) == [] and sum(rig.device.box.values()) == 0


def test_a_counterfeit_is_rejected_and_never_credited(rig: Rig) -> None:
    rig.start()
    rig.acceptor.enable(ALL)
    rig.device.insert_counterfeit()
    rig.device.insert(10000)
    rig.wait(Stacked, lambda e: e.value == 10000)
    [rejected] = rig.seen(Rejected)
    assert isinstance(rejected, Rejected) and rejected.reason is RejectReason.PHOTO_PATTERN
    assert "palsu" in rejected.words.id and "counterfeit" in rejected.words.en
    assert credited(rig) == rig.device.box == Counter({10000: 1})


def test_a_stacker_jam_mid_stack_makes_the_note_uncertain_with_its_value(rig: Rig) -> None:
    rig.start()
    rig.acceptor.enable(ALL)
    rig.device.jam_next_stack(lands_in_box=True)
    rig.device.insert(50000)
    uncertain = rig.wait(Uncertain)
    assert uncertain == Uncertain(50000, FaultKind.JAM_STACKER)
    fault = rig.wait(Fault)
    assert isinstance(fault, Fault) and fault.fault is FaultKind.JAM_STACKER
    assert "tersangkut" in fault.words.id
    assert rig.seen(Stacked) == []  # not credited: settled at the next cash-box count
    assert rig.device.box == Counter({50000: 1})  # ...where the count finds it
    rig.device.clear_jam()
    rig.wait(Recovered, lambda e: e.fault is FaultKind.JAM_STACKER)
    rig.device.insert(10000)
    rig.wait(Stacked, lambda e: e.value == 10000)


def test_cash_box_removed_is_a_fault_until_it_is_back(rig: Rig) -> None:
    rig.start()
    rig.acceptor.enable(ALL)
    rig.device.insert(20000)
    rig.wait(Stacked)
    rig.device.remove_box()
    fault = rig.wait(Fault)
    assert isinstance(fault, Fault) and fault.fault is FaultKind.CASHBOX_REMOVED
    rig.device.insert(5000)  # waits in the customer's hand: the device takes nothing now
    rig.device.replace_box(emptied=True)
    rig.wait(Recovered, lambda e: e.fault is FaultKind.CASHBOX_REMOVED)
    rig.wait(Stacked, lambda e: e.value == 5000)
    assert rig.device.collected == [Counter({20000: 1})]
    assert credited(rig) == rig.device.stacked == Counter({20000: 1, 5000: 1})


def test_cash_box_full_is_a_fault(rig: Rig) -> None:
    rig.start()
    rig.acceptor.enable(ALL)
    rig.device.fill_box()
    fault = rig.wait(Fault)
    assert isinstance(fault, Fault) and fault.fault is FaultKind.CASHBOX_FULL


def test_power_cycle_with_a_note_in_escrow_gives_it_back(make_rig: Callable[..., Rig]) -> None:
    in_escrow, go_on = threading.Event(), threading.Event()

    def gate(value: int) -> bool:  # the app journals here; the power fails meanwhile
        in_escrow.set()
        go_on.wait(WAIT)
        return True

    rig = make_rig(escrow_gate=gate)
    rig.start()
    rig.acceptor.enable(ALL)
    rig.device.insert(20000)
    assert in_escrow.wait(WAIT)
    rig.device.power_cycle()
    go_on.set()
    fault = rig.wait(Fault)
    assert isinstance(fault, Fault) and fault.fault is FaultKind.POWER_UP
    rig.wait(Returned, lambda e: e.value == 20000)
    rig.wait(Recovered, lambda e: e.fault is FaultKind.POWER_UP)
    assert rig.seen(Stacked) == [] and rig.seen(Uncertain) == []
    assert rig.device.returned == [20000] and sum(rig.device.box.values()) == 0
    rig.wait(Enabled)  # set up again after the power-up, still taking notes
    rig.device.insert(10000)
    rig.wait(Stacked, lambda e: e.value == 10000)


def test_power_lost_while_stacking_makes_the_note_uncertain(rig: Rig) -> None:
    rig.start()
    rig.acceptor.enable(ALL)
    rig.device.power_cut_next_stack()
    rig.device.insert(100000)
    assert rig.wait(Uncertain) == Uncertain(100000, FaultKind.POWER_UP)
    rig.wait(Recovered, lambda e: e.fault is FaultKind.POWER_UP)
    assert rig.seen(Stacked) == [] and rig.device.box == Counter({100000: 1})


def test_silence_is_communication_lost_and_recovers(rig: Rig) -> None:
    rig.start()
    rig.device.set_silent(True)
    fault = rig.wait(Fault)
    assert isinstance(fault, Fault) and fault.fault is FaultKind.COMM_LOST
    assert "kabel" in fault.words.id
    rig.device.set_silent(False)
    rig.wait(Recovered, lambda e: e.fault is FaultKind.COMM_LOST)


def test_table_from_the_setting_when_the_device_does_not_tell(make_rig: Callable[..., Rig]) -> None:
    rig = make_rig(SimDevice(answers_currency=False), table=IDR_TABLE[:3])
    info = rig.start().info
    assert info.table_source == "setting" and info.values() == (2000, 5000, 10000)
    rig.acceptor.enable(ALL)
    rig.device.insert(20000)  # not in the table: the mask keeps the device from taking it
    rig.device.insert(5000)
    rig.wait(Stacked, lambda e: e.value == 5000)
    assert [e.reason for e in rig.seen(Rejected)] == [RejectReason.INHIBITED]


def test_no_table_at_all_is_a_fault_in_words(make_rig: Callable[..., Rig]) -> None:
    rig = make_rig(SimDevice(answers_currency=False))
    rig.acceptor.start()
    fault = rig.wait(Fault)
    assert isinstance(fault, Fault) and fault.fault is FaultKind.NO_TABLE
    assert "cash_table" in fault.words.en


def test_disable_gives_back_a_held_note_and_then_it_is_settled(
    make_rig: Callable[..., Rig],
) -> None:
    in_escrow, go_on = threading.Event(), threading.Event()

    def gate(value: int) -> bool:  # the customer cancels while the note is held
        in_escrow.set()
        go_on.wait(WAIT)
        return True

    rig = make_rig(escrow_gate=gate)
    rig.start()
    rig.acceptor.enable(ALL)
    rig.device.insert(50000)
    assert in_escrow.wait(WAIT)
    rig.acceptor.disable()
    go_on.set()
    assert rig.acceptor.wait_settled(WAIT)
    assert rig.seen(Returned) == [Returned(50000)] and rig.seen(Stacked) == []
    assert rig.device.returned == [50000]


def test_a_device_faster_than_the_polls_loses_no_event(make_rig: Callable[..., Rig]) -> None:
    rig = make_rig(SimDevice(quick_customer=True))  # no poll sees the idle status
    rig.start()
    rig.acceptor.enable([20000, 50000])
    for note in (2000, 2000, 20000):
        rig.device.insert(note)
    rig.device.insert_counterfeit()
    rig.device.insert_counterfeit()
    rig.device.insert(50000)
    rig.wait(Stacked, lambda e: e.value == 50000)
    assert [e.value for e in rig.seen(Returned)] == [2000, 2000]
    assert len(rig.seen(Rejected)) == 2
    assert credited(rig) == rig.device.box == Counter({20000: 1, 50000: 1})


def test_a_failing_gate_or_handler_does_not_stop_the_acceptor(
    make_rig: Callable[..., Rig],
) -> None:
    def broken_journal(event: object) -> None:
        if isinstance(event, Escrow) and event.value == 5000:
            raise RuntimeError("handler bug")

    def gate(value: int) -> bool:
        if value == 2000:
            raise RuntimeError("gate bug")  # the note is given back, not stacked blindly
        return True

    rig = make_rig(journal=broken_journal, escrow_gate=gate)
    rig.start()
    rig.acceptor.enable(ALL)
    for note in (2000, 5000, 10000):
        rig.device.insert(note)
    rig.wait(Stacked, lambda e: e.value == 10000)
    assert rig.device.returned == [2000]
    assert credited(rig) == rig.device.box == Counter({5000: 1, 10000: 1})
