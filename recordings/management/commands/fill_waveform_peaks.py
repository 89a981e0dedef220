"""Keeps the waveform of recordings the worker decoded before it kept waveforms.

    manage.py fill_waveform_peaks [--batch-size N]

Each such recording whose audio is still kept is decoded as the worker decodes it and its peaks
stored (recordings.waveforms); recordings whose audio was erased are skipped. Safe to run again:
a recording with a waveform is never decoded twice. Prints how many were filled.
"""

from django.core.management.base import BaseCommand, CommandError

from recordings import waveforms


class Command(BaseCommand):
    help = "Store the player's waveform for recordings processed before waveforms were kept."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=50,
            help="Recordings read from the database at a time (default 50).",
        )

    def handle(self, *args, batch_size, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be 1 or more.")
        waiting = waveforms.without_waveform().count()
        erased = waveforms.erased_without_waveform().count()
        self.stdout.write(f"{waiting} recording(s) without a waveform; {erased} erased, skipped.")

        def on_each(recording, error):
            if error:
                self.stderr.write(f"Recording {recording.pk}: not filled: {error}")
            elif options["verbosity"] > 1:
                self.stdout.write(f"Recording {recording.pk}: filled.")

        done = waveforms.fill_missing(batch_size=batch_size, on_each=on_each)
        self.stdout.write(
            self.style.SUCCESS(f"Filled the waveform of {len(done.filled)} recording(s).")
        )
        if done.failed:
            self.stdout.write(
                f"{len(done.failed)} could not be decoded: "
                + ", ".join(str(pk) for pk in sorted(done.failed))
            )
