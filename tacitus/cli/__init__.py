"""The `tacitus` command: one module per verb."""
