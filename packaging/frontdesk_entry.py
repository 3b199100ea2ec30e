"""The frozen app's entry point (packaging/frontdesk.spec): the same as the
``frontdesk`` console script, ``ui.launcher:main``: the window with no
command, ``screenshot`` through Qt, every other command headless."""
import multiprocessing

from ui.launcher import main

if __name__ == "__main__":
    # a spreadsheet from outside is read in a child process (app.spreadsheets.sandbox):
    # in the bundle that child starts as this same program, and this lets it
    multiprocessing.freeze_support()
    main()
