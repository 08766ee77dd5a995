#!/bin/sh
# tarikh explain: for a few sentences, the trace must contain the lines
# that justify the event (the dictionary entry with its file:line, the
# pattern that matched, the event) and must say why a word gave no event.
# Usage: run.sh TARIKH
T=$1
pass=0 fail=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# expect SENTENCE FIXED-STRING...: each string must appear in the output
expect() {
    s=$1; shift
    "$T" explain "$s" --date 2024-03-01 >"$out" 2>&1
    rc=$?
    if [ $rc != 0 ]; then
        echo "FAIL exit $rc: $s"; fail=$((fail + 1)); return
    fi
    for want in "$@"; do
        if grep -qF -- "$want" "$out"; then pass=$((pass + 1))
        else echo "FAIL: \"$s\" lacks: $want"; cat "$out"; fail=$((fail + 1)); fi
    done
}
expect "Russia accused Ukraine of shelling the city." \
    "actor  russia  ->  RUSSIA_ [RUS]  data/actors/countries.actors:" \
    "verb   accused  ->  ACCUSE [112]  data/verbs/11-disapprove.verbs:" \
    "SHELLING" "matches" \
    "event: RUS -> 1123 -> UKR (asserted)" \
    "a noun here (after a determiner, preposition, adjective, number or verb): no event" \
    "events (1):"
expect "France did not sign an agreement with Mali." \
    "WITH + [057]  data/verbs/05-diplomatic-cooperation.verbs:" \
    "event: NOT FRA -> 057 -> MLI (asserted)"
# frames: the act inside "threatened to", "will", "refused to", "X said Y
# must" takes the frame's code, and the frame's own event goes
expect "Iran threatened to impose sanctions on Azerbaijan." \
    "frame   threatened to impose  ->  root 13 of [163]: [1312]" \
    "IRN -> 1312 -> AZE" "events (1):"
expect "Finland will give Tanzania economic aid." \
    "frame   will give  ->  root 03 of [070]: [033]" "FIN -> 033 -> TZA"
expect "Serbia refused to release the prisoners." \
    "frame   refused to release  ->  root 12 of [0841]: [1243]" "events (1):"
expect "Russia said that Sudan must return the helicopter." \
    "frame   must return  ->  root 10 of" "RUS -> 1053 -> SDN"
# "would" frames only reported speech: alone it is a hypothesis
expect "Iran would attack Israel." "IRN -> 190 -> ISR  (hypothetical)"
# several sources, no target: a cooperative act is between them, each way;
# a critical one is not
expect "Armenia and Azerbaijan agreed to continue the talks." \
    "several sources, no target" \
    "event: ARM -> 030 -> AZE (asserted)" "event: AZE -> 030 -> ARM (asserted)"
# fighting between two sources with no target is between them
expect "Armenia and Azerbaijan clashed on Monday." \
    "event: ARM -> 190 -> AZE (asserted)" "event: AZE -> 190 -> ARM (asserted)"
# a number word before a verb's word makes it a noun: the clause goes on
expect "Israeli troops killed five armed Palestinians." "event: ISRMIL -> 190 -> PSE (asserted)"
expect "Russia and China condemned the strike." \
    "event: RUS -> 111 -> - (asserted)" "event: CHN -> 111 -> - (asserted)"
# a list of actors with a determiner and an adjective inside
expect "Mali and the impoverished Niger condemned the strike." \
    "event: MLI -> 111 -> - (asserted)" "event: NER -> 111 -> - (asserted)"
# the agent leading one phrase of a list goes to the others' countries
expect "Lawmakers in Armenia and Azerbaijan condemned the attack on Mali." \
    "event: ARMLEG -> 111 -> MLI (asserted)" "event: AZELEG -> 111 -> MLI (asserted)"
expect "Senior Hungarian and Romanian officials condemned the attack." \
    "event: HUNGOV -> 111 -> - (asserted)" "event: ROUGOV -> 111 -> - (asserted)"
# an -s word between a verb and a preposition is the verb's object
expect "The United States will supply arms to Israel." \
    "event: USA -> 072 -> ISR"
expect "Damascus and Moscow intensify strikes on Idlib." \
    "event: SYRGOV -> 190 -> SYR" "events (2):"
# "government-held": a modifier, not a party; an agent with no country: ---
expect "Rebels shelled a government-held district of Aleppo." \
    "event: ---REB -> 194 -> SYR (asserted)" "events (1):"
# BE before an -ing form is progressive, not passive
expect "Russia is attacking Ukraine." \
    "event: RUS -> 190 -> UKR (asserted)"
# "is opposed to": the subject acts; "forces" after an actor and before
# HAVE is a noun
expect "Israel is opposed to French mediation." \
    "event: ISR -> 110 -> FRA (asserted)"
expect "Russian forces have shelled Kharkiv." \
    "agent  forces" "event: RUSMIL -> 194 ->"
# the place an event is located in, and why others are not locations
expect "Russian forces shelled positions near the Lachin corridor and in the Kabul government offices." \
    "place   lachin corridor  ->  Lachin corridor [AZE corridor]  data/places/places.txt:" \
    "a location (after \"near\")" \
    "not a location: part of the actor's phrase \"the kabul government\"" \
    "location  RUS -> 194 -> AZE:  Lachin corridor = Lachin corridor [AZE] (a place named in the event's clause)" \
    "@ Lachin corridor = Lachin corridor [AZE]"
expect "Russia condemned China's interest in Ukraine." \
    "not a location: its \"in\" follows a word like \"interest\"" \
    "none (no place in the event's clause and no dateline place)"
expect "The weather was fine." \
    "events (0):"
# an actor coded "A/B/C" in a user's dictionary stands for three actors
d=$(mktemp -d)
printf 'THE_SHIRE [FRO/BIL/SAM]\n' >"$d/shire.actors"
"$T" explain "The Shire condemned Mali." --date 2024-03-01 --dict +"$d" >"$out" 2>&1
for want in "FRO -> 111 -> MLI" "BIL -> 111 -> MLI" "SAM -> 111 -> MLI" "events (3):"; do
    if grep -qF -- "$want" "$out"; then pass=$((pass + 1))
    else echo "FAIL: FRO/BIL/SAM lacks: $want"; cat "$out"; fail=$((fail + 1)); fi
done
rm -r "$d"
# bad use: no sentence, bad date -> exit 2 with a message
"$T" explain >/dev/null 2>&1
if [ $? = 2 ]; then pass=$((pass + 1)); else echo "FAIL: explain without a sentence"; fail=$((fail + 1)); fi
"$T" explain "x" --date 20240101 2>"$out" >/dev/null
if [ $? = 2 ] && grep -q 'not YYYY-MM-DD' "$out"; then pass=$((pass + 1)); else echo "FAIL: bad --date"; fail=$((fail + 1)); fi
echo "explain: $pass passed, $fail failed"
[ $fail = 0 ]
