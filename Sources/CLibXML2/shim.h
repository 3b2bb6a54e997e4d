#ifndef WIREPIPE_CLIBXML2_SHIM_H
#define WIREPIPE_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU, whose headers clash with Foundation's own ICU copy.
// Including xmlversion.h first and undefining the flag keeps ICU's headers out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#endif
