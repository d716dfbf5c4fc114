from nkgeo.cli import cli

cli()
