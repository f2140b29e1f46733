"""Printing receipts on the counter's printers without ever losing one.

- ``config``: a printer of this terminal (network on TCP 9100, a device
  path, or the system's PDF viewer) and the errors printing raises.
- ``raster``: a receipt as the 1-bit image a thermal printer prints.
- ``escpos_job``: that image as ESC/POS commands (raster, cut, drawer kick),
  written with python-escpos.
- ``targets``: delivering a document to a configured printer.
- ``worker``: printing the queued jobs (``print_jobs``) and recording each
  outcome; the queue itself is kept by ``services.printing``.

No Qt here (``bnaura_desk`` never imports it): the worker runs in the
command line and in the app's worker thread alike.
"""
