"""Native chat-platform webhooks: one module per platform, routes in router.py."""
