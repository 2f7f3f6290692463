#!/usr/bin/perl
# Times Debian's Sisimai (libsisimai-perl) over the files named on the command line, read into
# memory first so only decoding is timed, repeated for at least `min_seconds` of CPU time. Prints
# "<emails> <CPU seconds> <wall seconds>" for bench/run.ts.
use strict;
use warnings;
use Sisimai;
use Time::HiRes qw(time);

my $min_seconds = shift @ARGV;
my @texts;
for my $path (@ARGV) {
    local $/;
    open my $handle, '<', $path or die "$path: $!";
    push @texts, scalar <$handle>;
    close $handle;
}
# CPU seconds of this process (user + system), as bench/run.ts measures its own.
sub cpu { my ($user, $system) = times; return $user + $system }
my $emails = 0;
my $start = cpu();
my $wall_start = time;
my $rounds = 0;
while ($rounds < 50) {
    for my $text (@texts) {
        my $copy = $text;
        Sisimai->make(\$copy);
        $emails++;
    }
    $rounds++;
    last if cpu() - $start >= $min_seconds;
}
printf "%d %.6f %.6f\n", $emails, cpu() - $start, time - $wall_start;
