"""Real servers for the tests, started on 127.0.0.1 from Debian's packages.

Each module starts one kind of server in a temp dir on a free port, waits until it
answers, and stops it by its pid. When SWITCHBOARD_REQUIRE_SERVERS=1 (CI and the
README's test command) a missing binary fails the test instead of skipping it.
"""
