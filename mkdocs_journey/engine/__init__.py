"""The engine: journey files in, located findings, analysis and HTML out.

Nothing here imports MkDocs or click: ``load`` reads YAML into the model (every error
located), ``analyse`` scores and orders, ``check`` turns both into findings, ``export``
writes the JSON export, ``render`` turns the model into HTML and ``diff`` says what changed
between two versions of a map. The adapters in
``mkdocs_journey.plugin`` (MkDocs) and ``mkdocs_journey.cli`` (command line) call it.
"""
