"""The live-session benchmark: Alongside against a bare broadcast floor."""
