"""Small widgets the pages and dialogs share: tables, pickers, choosers, status lines."""
