"""``python -m ui`` is the same as ``frontdesk``: the window, or a command."""
from ui.launcher import main

if __name__ == "__main__":
    main()
