/* fuzz_xer.c - libFuzzer harness for the Primavera P6 XER importer.
 *
 * rc_import_buffer detects the format from the content, so this harness and
 * its sibling differ in their seed corpora; the body is fuzz_import.h.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rc_fuzz_import_one((const char *)data, size);
    return 0;
}
