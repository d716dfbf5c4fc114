from nkgeo.main import main

main()
