"""One widget per screen; the navigation's ``Screen`` enum (``kiosk.ui.navigation``) switches them."""
