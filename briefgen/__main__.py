from briefgen.cli_main import main

if __name__ == "__main__":
    main()
