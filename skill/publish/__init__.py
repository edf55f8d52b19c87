"""The skill package as the ASK CLI deploys it: its layout, deploy-time settings, build copy."""
