/* tsv.c — Phoenix-style tab-separated events, one line per event, in the
 * column order of the output contract. Stories without events write
 * nothing. */
#include "write.h"

const char *tk_tsv_header(void) {
    return "story_id\tsentence\tdate\tsource\ttarget\tcode\troot\tquad\tgoldstein\t"
           "source_text\ttarget_text\tlocation\tnegated\tmodality\n";
}
