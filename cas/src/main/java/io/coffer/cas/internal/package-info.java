/** Code the CAS's packages share that is not API. */
package io.coffer.cas.internal;
