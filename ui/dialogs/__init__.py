"""Forms and dialogs: add and edit people, tasks, duties and posts; import, export, set-up."""
