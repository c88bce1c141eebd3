// natural's classifier and stemmer indexes load every classifier and stemmer (about 140 ms at start);
// the bot imports what it uses from their own files, typed by natural's own declarations.
declare module 'natural/lib/natural/classifiers/bayes_classifier' {
  import { BayesClassifier } from 'natural/lib/natural/classifiers';
  export = BayesClassifier;
}

declare module 'natural/lib/natural/classifiers/logistic_regression_classifier' {
  import { LogisticRegressionClassifier } from 'natural/lib/natural/classifiers';
  export = LogisticRegressionClassifier;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  import type { Stemmer } from 'natural/lib/natural/stemmers';
  const PorterStemmer: Stemmer;
  export = PorterStemmer;
}
