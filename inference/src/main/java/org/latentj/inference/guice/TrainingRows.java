package org.latentj.inference.guice;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The training rows (a {@code DMatrixRMaj}) that data-shaped parameters start at, such as a
 * VampPrior's pseudo-inputs; bound by {@link VaeModule#trainingRows}, absent otherwise.
 */
@Qualifier
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD})
public @interface TrainingRows {}
