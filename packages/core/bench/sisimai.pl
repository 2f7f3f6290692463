#!/usr/bin/perl
# Times Debian's Sisimai (libsisimai-perl) over the replies of a JSONL file (its "reply" fields, the
# strings the TypeScript side measures), read into memory first, repeated for at least `min_seconds`
# of CPU time. `reply`: Sisimai's own reply parsing, Sisimai::SMTP::Reply->find (the reply code) and
# Sisimai::SMTP::Status->find (the enhanced status code). `reason`: Sisimai::Reason->match, which maps
# a diagnostic string to a bounce reason. Prints "<replies> <CPU seconds>" for bench/sisimai.ts.
use strict;
use warnings;
use JSON::PP;
use Sisimai::Reason;
use Sisimai::SMTP::Reply;
use Sisimai::SMTP::Status;

my ($mode, $min_seconds, $path) = @ARGV;
die "usage: sisimai.pl reply|reason <min seconds> <replies.jsonl>\n"
    unless defined $path && ($mode eq 'reply' || $mode eq 'reason');
open my $handle, '<:encoding(UTF-8)', $path or die "$path: $!";
my $json = JSON::PP->new;    # reads characters: the layer above decoded the UTF-8
my @replies = map { $json->decode($_)->{reply} } grep { /\S/ } <$handle>;
close $handle;

my $parse = sub {
    my $found = 0;
    for my $reply (@replies) {
        my $code = Sisimai::SMTP::Reply->find($reply);
        my $status = Sisimai::SMTP::Status->find($reply);
        $found++ if $code || $status;
    }
    return $found;
};
my $match = sub {
    my $found = 0;
    for my $reply (@replies) {
        my $reason = Sisimai::Reason->match($reply);
        $found++ if $reason && $reason ne 'undefined';
    }
    return $found;
};
my $round = $mode eq 'reply' ? $parse : $match;

# A call that answers nothing would be timed as fast: refuse to report it.
die "Sisimai answered none of the " . scalar(@replies) . " replies: is the call right?\n"
    if $round->() == 0;    # also the warm-up (Sisimai::Reason loads each reason's module on first use)

# CPU seconds of this process (user + system), as bench/harness.ts measures its own.
sub cpu { my ($user, $system) = times; return $user + $system }
my $count = 0;
my $start = cpu();
for (my $rounds = 0; $rounds < 100_000 && cpu() - $start < $min_seconds; $rounds++) {
    $round->();
    $count += @replies;
}
printf "%d %.6f\n", $count, cpu() - $start;
