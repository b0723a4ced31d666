"""One widget per screen; the controller's ``Screen`` enum switches them."""
