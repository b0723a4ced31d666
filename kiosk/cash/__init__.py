"""Taking the customer's money: bill acceptors (ID-003 now; eSSP/ICT later), Qt-free.

* :mod:`kiosk.cash.acceptor` — the interface every driver implements and its typed events.
* :mod:`kiosk.cash.spec` — the ``id003:PORT`` / ``sim`` device setting and the table setting.
* :mod:`kiosk.cash.id003` — the JCM ID-003 driver over pyserial.
* :mod:`kiosk.cash.sim` — an ID-003 acceptor simulator on a pseudo-terminal.
* :mod:`kiosk.cash.cli` — ``python -m kiosk cash probe|test``.

Nothing here imports Qt; the GUI receives events on the driver's thread and
hands them to its own thread (a queued signal).
"""
