"""SEEDS training modules, lessons, quizzes and each learner's progress."""
