"""The lambdalint rule catalog: one module per rule, named by code and name."""
