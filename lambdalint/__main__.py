from lambdalint.cli import main

main()
