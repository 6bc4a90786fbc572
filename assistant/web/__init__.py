"""The review pages: server-rendered Jinja2 templates, static files served locally."""
