"""The Qt front-end: thin views, one controller, one worker pattern."""

from kiosk.ui.feature_scan import spare_source_scan

spare_source_scan()
