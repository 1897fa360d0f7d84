#!/usr/bin/env bash
# docs.sh — the repository stands alone: a reader of a clone has nothing but the clone.
#
#   1. Every relative Markdown link in README.md, docs/*.md and bench/*.md resolves to a file or
#      folder inside the repository, and a link to a heading (file.md#heading, or #heading)
#      names a heading that is there (GitHub's rule for heading anchors). Links with a scheme
#      (https:, mailto:) are not checked; a link to an absolute path is an error.
#   2. No file of the project (README.md, docs, src, ui, tests, man, bench, data, tools and the
#      build files) names the folder of the old specification outside the repository.
#
# Each check is first tried on a bad example, so a check that can no longer find anything fails.
#   docs.sh SOURCE_DIR
set -u
cd "$1" || exit 2
rc=0
bad() { echo "docs: $*" >&2; rc=1; }

# The folder beside the repository that the project's documents were once kept in. Spelled in
# two pieces so that this file does not name it itself.
OUTSIDE='share''d/'

# rule 2 over the paths given; prints offending lines
outside_refs() {
	grep -rInF -- "$OUTSIDE" "$@"
}

# rule 1: links ROOT FILE...; prints "FILE: TARGET: reason" for each link that does not resolve
read -r -d '' LINKS_PL <<'PERL'
use strict;
use warnings;
use Cwd qw(realpath);
use File::Basename qw(dirname);

binmode STDOUT, ':encoding(UTF-8)';
my $root = realpath(shift @ARGV);
my %slugs;

# the lines of a Markdown file outside fenced code blocks
sub prose {
	my ($path) = @_;
	open my $fh, '<:encoding(UTF-8)', $path or return ();
	my ($fence, @out) = (0);
	while (my $l = <$fh>) {
		if ($l =~ /^\s*(```|~~~)/) { $fence = !$fence; next; }
		push @out, $l unless $fence;
	}
	return @out;
}

# the anchors of a file's headings, as GitHub makes them
sub anchors {
	my ($path) = @_;
	return $slugs{$path} if $slugs{$path};
	my (%seen, %have);
	for my $l (prose($path)) {
		next unless $l =~ /^#{1,6}\s+(.*?)\s*#*\s*$/;
		my $t = $1;
		$t =~ s/\[([^\]]*)\]\([^)]*\)/$1/g;   # a link: its text
		$t =~ s/<[^>]*>//g;                   # HTML tags
		my $s = lc $t;
		$s =~ s/[^\p{L}\p{N}\p{M}_\- ]//g;
		$s =~ s/ /-/g;
		my $a = exists $seen{$s} ? $s . '-' . ++$seen{$s} : $s;
		$seen{$s} //= 0;
		$have{$a} = 1;
	}
	return $slugs{$path} = \%have;
}

my $n = 0;
for my $file (@ARGV) {
	my $dir = dirname(realpath($file));
	for my $l (prose($file)) {
		(my $text = $l) =~ s/`+[^`]*`+//g;    # code spans hold no links
		my @targets = $text =~ /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
		push @targets, $1 if $text =~ /^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/;
		for my $t (@targets) {
			next if $t =~ /^[A-Za-z][A-Za-z0-9+.-]*:/;   # https:, mailto:
			$n++;
			my ($path, $anchor) = $t =~ /^([^#]*)(?:#(.*))?$/;
			$path =~ s/%([0-9A-Fa-f]{2})/chr(hex($1))/ge;
			if ($path =~ m{^/}) {
				print "$file: $t: an absolute path (outside the repository once cloned)\n";
				next;
			}
			my $full = $path eq '' ? realpath($file) : realpath("$dir/$path");
			if (!defined $full || !-e $full) {
				print "$file: $t: no such file\n";
				next;
			}
			if ($full ne $root && index($full, "$root/") != 0) {
				print "$file: $t: outside the repository\n";
				next;
			}
			if (defined $anchor && $anchor ne '') {
				utf8::decode($anchor);
				if (!-f $full || $full !~ /\.md$/) {
					print "$file: $t: a heading in a file that is not Markdown\n";
				} elsif (!anchors($full)->{lc $anchor}) {
					print "$file: $t: no such heading\n";
				}
			}
		}
	}
}
print STDERR "links: $n\n";
PERL

links() {
	perl -CSA -e "$LINKS_PL" "$@"
}

# ---- each check must catch its bad example, and pass a good one ----
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/repo/docs" "$T/repo/src"
cat >"$T/repo/docs/good.md" <<'EOF'
# The manual

## Backing up and restoring

### `gongkai import`

## Roll-ups (全市汇总)

```sh
# crontab -e
```
EOF
cat >"$T/repo/README.md" <<EOF
[good](docs/good.md) [heading](docs/good.md#backing-up-and-restoring)
[code heading](docs/good.md#gongkai-import) [chinese](docs/good.md#roll-ups-全市汇总)
[web](https://example.org/) \`[not a link](nowhere.md)\`

[spec](../${OUTSIDE}spec/cli.md) [gone](docs/missing.md) [bad heading](docs/good.md#no-such)
[fenced heading](docs/good.md#crontab--e) [absolute](/etc/passwd) [here](#nowhere)
[beside the clone](../outside.md)
EOF
touch "$T/outside.md"
printf '/* the rule of ../%sspec/deadlines.md */\n' "$OUTSIDE" >"$T/repo/src/bad.c"
found=$(links "$T/repo" "$T/repo/README.md" 2>/dev/null)
[ "$(printf '%s\n' "$found" | grep -c .)" = 7 ] ||
	bad "the link check does not find exactly the 7 bad links of its example:
$found"
printf '%s\n' "$found" | grep -qE 'good\.md\)|#backing-up|#gongkai-import|全市汇总|example\.org|nowhere\.md' &&
	bad "the link check refuses a good link of its example:
$found"
[ "$(cd "$T/repo" && outside_refs README.md src | wc -l)" = 2 ] ||
	bad "the check for paths outside the repository does not find its bad example"

# ---- the repository ----
docs=$(ls README.md docs/*.md bench/*.md 2>/dev/null)
[ -n "$docs" ] || bad "no documentation found (README.md, docs/*.md, bench/*.md)"
# shellcheck disable=SC2086
out=$(links . $docs 2>"$T/count")
[ -n "$out" ] && bad "links that do not resolve inside the repository:
$out"
files=$(ls -d README.md docs src ui tests man bench data tools schema.sql meson.build \
	meson_options.txt dev 2>/dev/null)
# shellcheck disable=SC2086
out=$(outside_refs $files) && bad "paths outside the repository (the reader of a clone has none of them):
$out"

[ $rc = 0 ] && echo "docs: $(echo $docs | wc -w) documents, $(sed -n 's/^links: //p' "$T/count") relative links, all inside the repository; nothing names a path outside it"
exit $rc
