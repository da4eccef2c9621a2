"""The Lab: views inside the recurrence, and the tutorial map."""
