"""The frozen app's entry point (packaging/frontdesk.spec): the same as the
``frontdesk`` console script, ``ui.launcher:main``: the window with no
command, ``screenshot`` through Qt, every other command headless."""
from ui.launcher import main

if __name__ == "__main__":
    main()
