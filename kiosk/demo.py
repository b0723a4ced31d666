"""The built-in simulator's public demo credentials: not a secret, never a real key."""

DEMO_USERNAME = "demo"
DEMO_KEY = "demo-key"
