"""What lambdalint knows about libraries: one module of tables per language, with the same
table names in each. Rules read them through ``facts.api``, the module of the file's
language, so a new language brings its tables and adapter and leaves the rules alone."""
