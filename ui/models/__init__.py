"""Table models over the database: row ids up front, rows fetched lazily as they scroll into view."""
