"""`tacitus VERB ...`: parse arguments, call library functions, turn TacitusError into one line."""
from __future__ import annotations

import argparse
import sys

from .. import __version__
from ..errors import TacitusError
from . import cluster as cluster_cmd
from . import code as code_cmd
from . import evaluate as evaluate_cmd
from . import events as events_cmd
from . import export as export_cmd
from . import ingest as ingest_cmd
from . import network as network_cmd
from . import relations as relations_cmd
from . import serve as serve_cmd
from . import watch as watch_cmd

# exit statuses, the same for every verb: 0 done; 1 some documents failed or were skipped;
# 2 nothing could run (bad arguments, a missing model or database); 3 an internal error (a bug)
EXIT_STATUS = ("exit status: 0 done; 1 some documents failed or were skipped (each named on stderr); "
               "2 nothing could run (bad arguments, model or database missing); 3 internal error (a bug)")
INTERNAL_ERROR = 3

VERBS = {"code": code_cmd, "ingest": ingest_cmd, "watch": watch_cmd, "events": events_cmd, "export": export_cmd,
         "relations": relations_cmd, "network": network_cmd, "serve": serve_cmd, "evaluate": evaluate_cmd,
         "cluster-code": cluster_cmd, "load-events": cluster_cmd.Load}


def build_parser():
    parser = argparse.ArgumentParser(
        prog="tacitus", description="Political event data (CAMEO and PLOVER) from diplomatic readouts and news.",
        epilog="Example: tacitus code samples/2023-03-21-india-japan-readout.txt --format table\n\n" + EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"tacitus {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="verb", metavar="VERB")
    for name, module in VERBS.items():
        epilog = module.EXAMPLE if "exit status:" in module.EXAMPLE else f"{module.EXAMPLE}\n\n{EXIT_STATUS}"
        p = sub.add_parser(name, help=module.HELP, description=module.HELP, epilog=epilog,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        # SUPPRESS: given after the verb it sets debug; absent, it leaves what came before the verb
        p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")
        module.add_arguments(p)
        p.set_defaults(run=module.run)
    return parser


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.run(args)
    except TacitusError as exc:
        if args.debug:
            raise
        print(f"tacitus: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("tacitus: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - a bug, not bad input: its own status, one line
        if args.debug:
            raise
        print(f"tacitus: internal error: {type(exc).__name__}: {exc} (a bug in tacitus; --debug shows the "
              f"traceback, please report it)", file=sys.stderr)
        return INTERNAL_ERROR


if __name__ == "__main__":
    sys.exit(main())
