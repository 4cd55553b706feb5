/* fuzz_load.c - libFuzzer harness for the YAML project loader.
 *
 * Feeds the input to rc_load_buffer and, when it loads, frees the model.
 * Any crash, leak, sanitizer report or hang is a bug in the loader.
 */
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "load.h"
#include "model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rc_diags d;
    rc_diags_init(&d, "fuzz.yaml");
    rc_model *m = NULL;
    if (rc_load_buffer((const char *)data, size, &m, &d) == RC_LOAD_OK)
        rc_model_free(m);
    rc_diags_delete(&d);
    return 0;
}
