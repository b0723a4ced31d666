"""The Qt front-end: thin views, one controller, one worker pattern."""
